// The bench's baseline for the LIFF first screen (dev/src/bench/liff-screen.ts): an empty
// Vite + Preact page that loads the LIFF SDK, as any LIFF app must, and shows one heading.
import { render } from "preact";

void import("@line/liff").then(({ default: liff }) => {
  document.title = `LIFF ${liff.getVersion()}`;
  render(<h1>ready</h1>, document.getElementById("app")!);
});
