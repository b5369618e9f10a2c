import { useEffect, useState } from "preact/hooks";
import type { TimelineEntry } from "@sa/core";
import { checkEligibility } from "../../api/eligibility-endpoints";
import { newClientId } from "../../offline/client-id";
import { useOutbox } from "../../offline/outbox-context";
import { visitBody, type VisitForm } from "../../pages/visit-form/visit-form-state";
import type { ReceivesChoiceProps } from "./receives-choice";

// What finds benefits is a lazy chunk with its own strings: no first screen pays for it. It
// starts loading when a visit form opens (its members step asks what each member already
// receives), while the phone most likely has a signal, and stays for the session. Offline and
// not yet loaded, those parts are left out: finding benefits needs the server anyway, and the
// app's offline banner says why. What the chunk needs of the app (the API client, the outbox)
// is handed over from here, so that it shares no module with the first screen: each shared one
// made the bundler split the first screen into one more chunk, which cost more than the list.
const load = () => import("./benefits-list");
type Chunk = Awaited<ReturnType<typeof load>>;
let loaded: Chunk | undefined;

function useChunk(): Chunk | undefined {
  const [chunk, setChunk] = useState(loaded);
  useEffect(() => {
    if (!chunk)
      load().then(
        module => setChunk((loaded = module)),
        () => undefined,
      );
  }, [chunk]);
  return chunk;
}

/** Where the household comes from: the visit form being reviewed, or a case's timeline. */
export type BenefitsSource = (
  | { form: VisitForm; timeline?: never }
  | { timeline: readonly TimelineEntry[]; form?: never }
) & {
  /** The case a referral goes on; without one (a target household's visit) the list is shown only. */
  ticket?: string;
};

/** The household as the form would send it: unreadable ages and incomes are NaN, read as unknown. */
function household(form: VisitForm) {
  const { members, monthlyIncome } = visitBody(form, "");
  return { members, monthlyIncome };
}

/** "สิทธิ์ที่น่าจะได้แต่ยังไม่ได้รับ" for a visit being reviewed or a case's latest visit. */
export function BenefitsFound({ form, timeline, ticket }: BenefitsSource) {
  const chunk = useChunk();
  const { outbox } = useOutbox();
  return chunk ? (
    <chunk.BenefitsList
      {...(form ? { household: household(form) } : { timeline })}
      app={{ checkEligibility, outbox, newClientId }}
      {...(ticket && { ticket })}
    />
  ) : null;
}

/** The members step's "already receives" choice for one member. */
export function ReceivedBenefits(props: ReceivesChoiceProps) {
  const chunk = useChunk();
  return chunk ? <chunk.ReceivesChoice {...props} /> : null;
}
