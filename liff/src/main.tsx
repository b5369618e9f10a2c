import { render } from "preact";
import { App } from "./app";
import { startLiffEarly } from "./liff/liff-start";
import "./styles.css";

startLiffEarly();
render(<App />, document.getElementById("app")!);
