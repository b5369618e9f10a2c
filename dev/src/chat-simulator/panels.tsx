import type { messagingApi } from "@line/bot-sdk";
import { useState } from "preact/hooks";
import { SIM_PLACES } from "../line-platform/sim-places";
import { STICKER_FACES } from "./safe-values";
import type { SimEventInput } from "./types";

export type PanelId = "new-user-form" | "panel-location" | "panel-picker" | "panel-more";

const STICKERS = [
  { packageId: "446", stickerId: "1988" },
  { packageId: "446", stickerId: "1989" },
  { packageId: "446", stickerId: "1990" },
  { packageId: "446", stickerId: "1991" },
];

interface PanelProps {
  shown: boolean;
  onClose: () => void;
}

function Actions({ onClose, submit }: { onClose: () => void; submit: string }) {
  return (
    <div class="panel-actions">
      <button type="button" class="ghost" data-close onClick={onClose}>
        ยกเลิก
      </button>
      <button type="submit" class="primary">
        {submit}
      </button>
    </div>
  );
}

export interface NewUser {
  displayName: string;
  language: "th" | "en";
  follow: boolean;
}

export function NewUserForm(props: PanelProps & { onCreate: (user: NewUser) => Promise<boolean> }) {
  const [name, setName] = useState("");
  const [language, setLanguage] = useState<"th" | "en">("th");
  const [follow, setFollow] = useState(true);
  return (
    <form
      id="new-user-form"
      class="panel"
      hidden={!props.shown}
      onSubmit={async e => {
        e.preventDefault();
        if (await props.onCreate({ displayName: name.trim(), language, follow })) setName("");
      }}
    >
      <div class="panel-title">สร้างผู้ใช้จำลอง / new simulated user</div>
      <input
        id="new-name"
        placeholder="ชื่อที่แสดง / display name"
        maxLength={40}
        value={name}
        onInput={e => setName(e.currentTarget.value)}
      />
      <select
        id="new-lang"
        aria-label="language"
        value={language}
        onChange={e => setLanguage(e.currentTarget.value === "en" ? "en" : "th")}
      >
        <option value="th">ภาษาไทย</option>
        <option value="en">English</option>
      </select>
      <label class="check">
        <input
          id="new-follow"
          type="checkbox"
          checked={follow}
          onChange={e => setFollow(e.currentTarget.checked)}
        />{" "}
        ส่ง follow event (เพิ่มเพื่อน)
      </label>
      <Actions onClose={props.onClose} submit="สร้าง / create" />
    </form>
  );
}

export function LocationPanel(
  props: PanelProps & { onSend: (event: SimEventInput) => void; onInvalid: () => void },
) {
  const [fields, setFields] = useState({ lat: "", lng: "", title: "", address: "" });
  const field = (key: keyof typeof fields) => ({
    value: fields[key],
    onInput: (e: { currentTarget: HTMLInputElement }) =>
      setFields({ ...fields, [key]: e.currentTarget.value }),
  });
  return (
    <form
      id="panel-location"
      class="panel"
      hidden={!props.shown}
      onSubmit={e => {
        e.preventDefault();
        const latitude = parseFloat(fields.lat);
        const longitude = parseFloat(fields.lng);
        if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return props.onInvalid();
        props.onSend({
          type: "location",
          latitude,
          longitude,
          ...(fields.title.trim() && { title: fields.title.trim() }),
          ...(fields.address.trim() && { address: fields.address.trim() }),
        });
      }}
    >
      <div class="panel-title">📍 ส่งตำแหน่ง / send a location</div>
      <div id="presets" class="presets">
        {SIM_PLACES.map(place => (
          <button
            key={place.name}
            type="button"
            class="preset"
            onClick={() =>
              setFields({
                lat: String(place.lat),
                lng: String(place.lng),
                title: place.name,
                address: place.address ?? "",
              })
            }
          >
            {place.name}
          </button>
        ))}
      </div>
      <div class="two">
        <input
          id="loc-lat"
          inputMode="decimal"
          placeholder="latitude"
          aria-label="latitude"
          {...field("lat")}
        />
        <input
          id="loc-lng"
          inputMode="decimal"
          placeholder="longitude"
          aria-label="longitude"
          {...field("lng")}
        />
      </div>
      <input id="loc-title" placeholder="ชื่อสถานที่ / title (optional)" {...field("title")} />
      <input id="loc-address" placeholder="ที่อยู่ / address (optional)" {...field("address")} />
      <Actions onClose={props.onClose} submit="ส่ง / send" />
    </form>
  );
}

const PICKER_INPUT = { date: "date", time: "time", datetime: "datetime-local" } as const;

/** LINE's date/time picker; remount it (a new key) for each tap so it starts from the action. */
export function PickerPanel(
  props: PanelProps & {
    action: messagingApi.DatetimePickerAction | null;
    onPick: (params: Record<string, string>) => void;
  },
) {
  const { action } = props;
  const [value, setValue] = useState(action?.initial ?? "");
  const mode = action?.mode ?? "date";
  return (
    <form
      id="panel-picker"
      class="panel"
      hidden={!props.shown}
      onSubmit={e => {
        e.preventDefault();
        if (action && value) props.onPick({ [mode]: value });
      }}
    >
      <div class="panel-title">📅 เลือกวันเวลา / pick</div>
      <input
        id="picker-input"
        type={PICKER_INPUT[mode] ?? "date"}
        aria-label="date or time"
        value={value}
        min={action?.min}
        max={action?.max}
        onInput={e => setValue(e.currentTarget.value)}
      />
      <Actions onClose={props.onClose} submit="ตกลง / OK" />
    </form>
  );
}

export function MorePanel(
  props: PanelProps & {
    onSend: (event: SimEventInput) => void;
    onPickFile: () => void;
    onLocation: () => void;
  },
) {
  const send = (event: SimEventInput) => {
    props.onClose();
    props.onSend(event);
  };
  return (
    <div id="panel-more" class="panel tools" hidden={!props.shown}>
      <button id="tool-image" type="button" class="tool" onClick={props.onPickFile}>
        🖼️<span>รูปภาพ</span>
      </button>
      <button id="tool-location" type="button" class="tool" onClick={props.onLocation}>
        📍<span>ตำแหน่ง</span>
      </button>
      <button id="tool-follow" type="button" class="tool" onClick={() => send({ type: "follow" })}>
        🤝<span>follow</span>
      </button>
      <button
        id="tool-unfollow"
        type="button"
        class="tool"
        onClick={() => send({ type: "unfollow" })}
      >
        🚫<span>block</span>
      </button>
      <div id="stickers" class="stickers">
        {STICKERS.map(s => (
          <button
            key={s.stickerId}
            type="button"
            class="tool sticker-pick"
            aria-label={`sticker ${s.stickerId}`}
            onClick={() => send({ type: "sticker", ...s })}
          >
            {STICKER_FACES[s.stickerId]}
          </button>
        ))}
      </div>
    </div>
  );
}
