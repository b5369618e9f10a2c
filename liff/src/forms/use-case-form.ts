import { useLocation } from "preact-iso";
import { useState } from "preact/hooks";
import type * as z from "zod/mini";
import type { EntryKind } from "../api/endpoints";
import { useLiff } from "../liff/liff-context";
import { useOutbox } from "../offline/outbox-context";
import { useDraft } from "../offline/use-draft";
import { firstPerTarget, issuePath, type Problem } from "./problems";
import { personKey } from "../storage/phone-keys";

/**
 * A form that adds an entry to a case: its draft (saved as typed), its checks against the
 * shared request schema, and its submission through the outbox, so that it reaches the server
 * once the phone is online, whenever that is.
 */
export function useCaseForm<Form, Body extends { clientId: string }>(options: {
  kind: EntryKind;
  ticket: string;
  formSchema: z.ZodMiniType<Form>;
  initial: () => Form;
  requestSchema: z.ZodMiniType<Body>;
  /** The request body from what was typed (values that cannot be read are left for the schema to refuse). */
  toBody: (form: Form, clientId: string) => Record<string, unknown>;
  /** Where each schema path is shown, and what to say about it. */
  locate: (path: string) => Problem;
  /** Where to go once it is queued; the case by default. */
  doneHref?: string;
}) {
  const { auth } = useLiff();
  const { outbox } = useOutbox();
  const { route } = useLocation();
  const draftState = useDraft(
    personKey(auth.userId, `draft.${options.kind}.${options.ticket}`),
    options.formSchema,
    options.initial,
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [storageFull, setStorageFull] = useState(false);

  /** Problems for some paths only (a step of a longer form); all of them when none is given. */
  const check = (onlyPaths?: (path: string) => boolean): Body | undefined => {
    const body = options.toBody(draftState.draft.data, draftState.draft.clientId);
    const parsed = options.requestSchema.safeParse(body);
    const found = parsed.success
      ? []
      : parsed.error.issues
          .map(issue => issuePath(issue.path))
          .filter(path => !onlyPaths || onlyPaths(path))
          .map(options.locate);
    setProblems(firstPerTarget(found));
    setAttempt(n => n + 1);
    return parsed.success ? parsed.data : undefined;
  };

  const submit = (): boolean => {
    const body = check();
    if (!body) return false;
    const kept = outbox.add({
      clientId: body.clientId,
      kind: options.kind,
      ticket: options.ticket,
      body,
    });
    if (!kept) {
      setStorageFull(true);
      return false;
    }
    draftState.discard();
    route(options.doneHref ?? `/cases/${options.ticket}`);
    return true;
  };

  return { ...draftState, problems, setProblems, attempt, check, submit, storageFull };
}
