import { Component, type ComponentChildren } from "preact";
import { ProblemScreen } from "../status-screen";

/** A bug in one screen shows a way out instead of a blank page inside LINE. */
export class CrashBoundary extends Component<{ children: ComponentChildren }, { error?: unknown }> {
  override state: { error?: unknown } = {};

  override componentDidCatch(error: unknown) {
    console.error("screen failed", error);
    this.setState({ error });
  }

  override render() {
    if (this.state.error !== undefined) return <ProblemScreen error={this.state.error} />;
    return this.props.children;
  }
}
