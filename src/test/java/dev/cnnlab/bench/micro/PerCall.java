// Host cost of one DJL call: a 1-element add, 100 per scope, 20,000 per round. Peer: percall.py.
//   java -cp "target/test-classes:target/classes:target/lib/*" dev.cnnlab.bench.micro.PerCall; /usr/bin/python3
// bench/percall.py
package dev.cnnlab.bench.micro;

import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import dev.cnnlab.torch.EngineSetup;

public class PerCall {
    public static void main(String[] a) {
        EngineSetup.start(1);
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            NDArray x = m.ones(new Shape(1)), y = m.ones(new Shape(1));
            for (int r = 0; r < 5; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 200; i++) {
                    try (NDManager s = m.newSubManager()) {
                        NDArray z = x;
                        for (int j = 0; j < 100; j++) z = z.add(y);
                    }
                }
                System.out.printf("djl per op %.2f us%n", (System.nanoTime() - t0) / 1e3 / 20000);
            }
        }
    }
}
