// Whole-network passes: block by block through DJL vs one TorchScript call (NetworkForward), same
// process, same network and weights, alternating windows. Compiled with the tests (so a refactor
// cannot leave it broken); run from the checkout root after `mvn -q test-compile`:
//   LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 java -Xmx2g -Xmn8m -XX:+UseSerialGC \
//       -cp "target/test-classes:target/classes:target/lib/*" dev.cnnlab.bench.micro.ForwardBench <depth> <batch>
// <train|infer> [rounds]
package dev.cnnlab.bench.micro;

import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.training.ParameterStore;
import dev.cnnlab.model.*;
import dev.cnnlab.technique.TechniqueSet;
import dev.cnnlab.torch.DeviceSum;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.torch.Precision;
import dev.cnnlab.train.*;
import java.nio.*;
import java.util.*;

public class ForwardBench {
    public static void main(String[] a) {
        EngineSetup.start(2);
        int depth = Integer.parseInt(a[0]), batch = Integer.parseInt(a[1]);
        boolean train = a[2].equals("train");
        int rounds = a.length > 3 ? Integer.parseInt(a[3]) : 10;
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            Network network = PreActResNet.buildNetwork(ModelSpec.cifar100(depth, false), 0);
            network.block().initialize(m, DataType.FLOAT32, new Shape(batch, 3, 32, 32));
            ParameterStore store = Precision.FP32.parameterStore(m);
            long c0 = System.nanoTime();
            NetworkForward scripted = NetworkForward.of(network, store);
            System.out.printf("compiled both scripts in %.0f ms%n", (System.nanoTime() - c0) / 1e6);
            NetworkForward eager = NetworkForward.eager(network.block(), store);
            SgdOptimizer opt = SgdOptimizer.forBlock(network.block(), 0.9, 1e-4);
            TechniqueSet none = TechniqueSet.of(List.of());
            TrainStep[] steps = {new TrainStep(eager, opt, none, 32, 100), new TrainStep(scripted, opt, none, 32, 100)};
            NetworkForward[] forwards = {eager, scripted};
            ByteBuffer img = ByteBuffer.allocateDirect(batch * 3072 * 4).order(ByteOrder.nativeOrder());
            SplittableRandom r = new SplittableRandom(0);
            for (int i = 0; i < batch * 3072; i++) img.putFloat(i * 4, (float) r.nextGaussian());
            int[] labels = r.ints(batch, 0, 100).toArray();
            DeviceSum correct = new DeviceSum(m, 0);
            int iters = (train ? 60 : 200) * Math.max(1, 128 / batch) / 4;
            double[][] rates = new double[2][rounds];
            for (int round = 0; round < rounds + 1; round++) { // round 0 of each side: warm-up
                for (int side = 0; side < 2; side++) {
                    long t0 = System.nanoTime();
                    for (int it = 0; it < iters; it++) {
                        if (train) {
                            steps[side].run(m, img, labels, 0.01, new SplittableRandom(it), correct);
                        } else {
                            try (NDManager sc = m.newSubManager()) {
                                TrainStep.infer(forwards[side], sc, img, batch, 32)
                                        .argMax(1)
                                        .toLongArray();
                            }
                        }
                    }
                    double rate = iters * batch / ((System.nanoTime() - t0) / 1e9);
                    if (round > 0) rates[side][round - 1] = rate;
                }
            }
            double[] ratio = new double[rounds];
            for (int i = 0; i < rounds; i++) ratio[i] = rates[1][i] / rates[0][i];
            Arrays.sort(ratio);
            System.out.printf(
                    "ResNet-%d batch %d %s: block by block %.1f img/s, scripted %.1f img/s (medians); "
                            + "scripted/blocks per round: median %.3f, range %.3f-%.3f over %d rounds%n",
                    depth,
                    batch,
                    a[2],
                    median(rates[0]),
                    median(rates[1]),
                    ratio[rounds / 2],
                    ratio[0],
                    ratio[rounds - 1],
                    rounds);
            scripted.close();
            opt.close();
            correct.close();
        }
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
