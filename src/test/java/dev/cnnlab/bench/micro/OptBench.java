// Optimizer update, DJL per-parameter sgdUpdate vs cnnlab SgdOptimizer (one _foreach call), same process, alternating.
// Compiled with the tests (so a refactor cannot leave it broken); run from the checkout root after
// `mvn -q test-compile`:
//   LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 \
//       java -cp "target/test-classes:target/classes:target/lib/*" dev.cnnlab.bench.micro.OptBench 29
package dev.cnnlab.bench.micro;

import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.nn.*;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.*;
import dev.cnnlab.model.*;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.train.*;
import java.util.*;

public class OptBench {
    public static void main(String[] a) {
        EngineSetup.start(2);
        int depth = Integer.parseInt(a[0]);
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            SequentialBlock netA = PreActResNet.build(ModelSpec.cifar100(depth, false), 0);
            netA.initialize(m, DataType.FLOAT32, new Shape(8, 3, 32, 32));
            List<NDArray> w = new ArrayList<>();
            for (Parameter p : netA.getParameters().values()) if (p.requiresGradient()) w.add(p.getArray());
            List<NDArray> v = new ArrayList<>();
            for (NDArray x : w) v.add(x.zerosLike());
            SgdOptimizer opt = new SgdOptimizer(w, 0.9, 1e-4);
            try (ai.djl.training.GradientCollector gc =
                    ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray s = null;
                for (NDArray x : w) s = s == null ? x.sum() : s.add(x.sum());
                gc.backward(s);
            }
            int N = 300;
            for (int round = 0; round < 6; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < N; i++) {
                    try (NDScope s = new NDScope()) {
                        for (int j = 0; j < w.size(); j++) {
                            PtNDArray x = (PtNDArray) w.get(j);
                            JniUtils.sgdUpdate(
                                    x, (PtNDArray) x.getGradient(), (PtNDArray) v.get(j), 0.1f, 1e-4f, 1f, -1f, 0.9f);
                            JniUtils.zeroGrad(x);
                        }
                        s.suppressNotUsedWarning();
                    }
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < N; i++) opt.step(0.1);
                long t2 = System.nanoTime();
                System.out.printf(
                        "%d params: per-parameter %.3f ms, foreach %.3f ms%n",
                        w.size(), (t1 - t0) / 1e6 / N, (t2 - t1) / 1e6 / N);
            }
        }
    }
}
