import { buildPack } from "../engine/build-pack";

/** The pack under test is always built from the sources under test. */
export default function setup(): void {
  buildPack();
}
