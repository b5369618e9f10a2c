import { render } from "preact";
import { App } from "./app";
import "./chat.css";

render(<App />, document.body);
