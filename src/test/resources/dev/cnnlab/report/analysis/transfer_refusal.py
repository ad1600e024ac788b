"""Expected numbers for TransferRefusalTest's slope refusal (numpy/scipy; see transfer_fixture.py)."""
import numpy as np
from scipy import stats

x = np.array([-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5])
y = np.array([0.4, -0.3, 0.5, -0.2, 0.1, 0.6, -0.4, 0.5])
sx = np.full(8, 0.3)
sy = np.full(8, 0.3)
n = len(x)
sxx = np.var(x, ddof=1); sxy = np.cov(x, y, ddof=1)[0, 1]; m = np.mean(sx**2)
D = sxx - m + 2 * m / (n - 1)
b = sxy / D
a = y.mean() - b * x.mean()
srr = np.sum((y - a - b * x) ** 2) / (n - 2)
se = np.sqrt((sxx * srr + b**2 * m**2) / ((n - 1) * D**2))
t = stats.t.ppf(0.95, n - 2)
print(f"reliability {(sxx - m) / sxx:.4f} slope {b:.6f} interval [{b - t * se:.6f}, {b + t * se:.6f}]")
for total in range(n + 1, 10001):
    if stats.t.ppf(0.95, total - 2) * se * np.sqrt((n - 1) / (total - 1)) < abs(b):
        print("more sets", total - n)
        break
