# PyTorch eager cost of one op, as bench/micro/PerCall.java measures cnnlab's.
import torch, time
torch.set_num_threads(1)
x=torch.ones(1); y=torch.ones(1)
for r in range(5):
    t0=time.perf_counter()
    for i in range(200):
        z=x
        for j in range(100): z=z.add(y)
    print(f"torch per op {(time.perf_counter()-t0)/20000*1e6:.2f} us")
