import { render } from "preact";
import { App } from "./app";
import { prefetchLiff } from "./liff/liff-sdk";
import "./styles.css";

prefetchLiff();
render(<App />, document.getElementById("app")!);
