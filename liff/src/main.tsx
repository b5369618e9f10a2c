import { render } from "preact";
import { App } from "./app";
import { startLiffEarly } from "./liff/liff-start";
import { loadFirstScreen } from "./pages/later-pages";
import "./styles.css";

startLiffEarly();
loadFirstScreen(location.pathname);
render(<App />, document.getElementById("app")!);
