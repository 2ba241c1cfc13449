// A fleet worker: plans stacks one after the other in its own process (the mock runtime is
// process-global, so one plan at a time here; the pool runs one worker per core).
import { planStack, programModule } from "../engine/plan-stack";
import { ProfileError } from "../profile";
import type { WorkerRequest, WorkerResponse } from "./protocol";

// The SDK captures a stack trace for every promise and resource it makes (leak diagnostics and
// source positions, neither of which an offline plan reports): formatting them was ~40% of a
// plan. A worker only reports error messages, so it captures no frames (plans ~1.8x faster).
Error.stackTraceLimit = 0;

process.on("message", async (req: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    const plan = await planStack(req.stacksDir, req.stack, { program: programModule(req.program) });
    res = { stack: req.stack, ok: true, profile: plan.profile, resources: plan.resources };
  } catch (e) {
    res = { stack: req.stack, ok: false, error: e instanceof ProfileError ? e.message : `${(e as Error).message}` };
  }
  process.send!(res);
});
