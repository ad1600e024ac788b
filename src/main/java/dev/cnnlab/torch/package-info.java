/**
 * The bridge to libtorch, at the bottom of cnnlab: everything that reaches past DJL's public API,
 * writes TorchScript, chooses number formats or counts device reads lives here, so the layers
 * above use plain DJL arrays and blocks.
 *
 * <ul>
 *   <li>{@link dev.cnnlab.torch.TorchScriptModule}: weightless TorchScript modules, compiled by
 *       libtorch from an archive written here (zip and pickle by hand, no Python).
 *   <li>{@link dev.cnnlab.torch.ScriptWriter}, {@link dev.cnnlab.torch.ScriptForm}, {@link
 *       dev.cnnlab.torch.ScriptForms}, {@link dev.cnnlab.torch.NetworkScript}, {@link
 *       dev.cnnlab.torch.ScriptedPass}: a network's forward pass written as one TorchScript method
 *       and run in one native call.
 *   <li>{@link dev.cnnlab.torch.ForeachSgdStep}: the SGD update of every parameter in one call.
 *   <li>{@link dev.cnnlab.torch.Precision} and its casts and parameter stores: bf16 mixed precision.
 *   <li>{@link dev.cnnlab.torch.HostReads}, {@link dev.cnnlab.torch.DeviceSum}: device-to-host
 *       reads, counted, and sums kept on the device.
 *   <li>{@link dev.cnnlab.torch.EngineSetup}: libtorch's threads and native flavour.
 * </ul>
 *
 * <p>DJL 0.25.0 internals relied on, and the test that fails if an upgrade changes each:
 *
 * <ul>
 *   <li>{@code ai.djl.pytorch.jni.PyTorchLibrary.LIB} and its private {@code moduleRunMethod(long,
 *       String, long[], boolean, boolean)}, reached by a private lookup in {@code TorchScriptModule}
 *       to run a module with gradients recorded (DJL's public call records none); and the private
 *       {@code IValue(long)} constructor to wrap its result. Guarded by {@code PrecisionTest}
 *       (gradients flow through the scripted casts) and {@code NetworkForwardTest} (the scripted
 *       pass matches the block-by-block one bit for bit, gradients included).
 *   <li>{@code PtSymbolBlock}, {@code JniUtils.loadModule}/{@code setGraphExecutorOptimize}, {@code
 *       IValue}/{@code IValueUtils} (public classes of the engine module, not of DJL's API):
 *       guarded by the same two tests and by {@code SgdOptimizerTest} (the one-call update follows
 *       PyTorch's SGD step for step).
 *   <li>{@code PtNDArray}/{@code PtNDManager} handles passed to native calls: guarded by all three.
 *   <li>The system properties {@code ai.djl.pytorch.num_threads}, {@code num_interop_threads} and
 *       DJL's {@code offline}: guarded by {@code TrainerTest} (bit-exact resume) and {@code
 *       CliEnvironmentTest}.
 * </ul>
 */
package dev.cnnlab.torch;
