"""Expected values for TransferFitFixtureTest, computed independently with numpy/scipy.

Run: /usr/bin/python3 transfer_fixture.py  (numpy 1.24, scipy 1.10)
Fuller's modified method-of-moments estimator with known proxy noise, alpha = 2 (see TransferFit).
"""
import numpy as np
from scipy import stats

x = np.array([-0.8, -0.3, 0.1, 0.4, 0.9, 1.2, 1.6, 2.3, 2.9, 3.4])
y = np.array([-0.6, -0.4, 1.0, 0.0, 1.3, 0.4, 1.8, 1.0, 2.6, 1.7])
sx = np.array([0.5, 0.6, 0.4, 0.5, 0.7, 0.5, 0.6, 0.4, 0.5, 0.6])
sy = np.array([0.3, 0.2, 0.3, 0.25, 0.3, 0.2, 0.35, 0.3, 0.25, 0.3])
n = len(x)

sxx = np.var(x, ddof=1)
sxy = np.cov(x, y, ddof=1)[0, 1]
m = np.mean(sx**2)
assert sxx >= (1 + 1 / (n - 1)) * m  # not floored
H = sxx - m
D = H + 2 * m / (n - 1)
b = sxy / D
a = y.mean() - b * x.mean()
r = y - a - b * x
srr = np.sum(r**2) / (n - 2)
tau2 = max(0.0, srr - np.mean(sy**2 + b**2 * sx**2))
vb = (sxx * srr + b**2 * m**2) / ((n - 1) * D**2)
ols = np.polyfit(x, y, 1)[0]
t = stats.t.ppf(0.95, n - 2)
x0, s0 = 2.0, 0.5
pred = a + b * x0
vtrue = srr / n + (x0 - x.mean()) ** 2 * vb + tau2 + b**2 * s0**2
vmeas = vtrue + np.mean(sy**2)
for name, v in [("sxx", sxx), ("sxy", sxy), ("m", m), ("slope", b), ("intercept", a), ("residualVariance", srr),
                ("tau2", tau2), ("slopeSe", np.sqrt(vb)), ("reliability", H / sxx), ("ols", ols),
                ("ols/slope", ols / b), ("t", t), ("prediction", pred),
                ("trueLow", pred - t * np.sqrt(vtrue)), ("trueHigh", pred + t * np.sqrt(vtrue)),
                ("measuredLow", pred - t * np.sqrt(vmeas)), ("measuredHigh", pred + t * np.sqrt(vmeas))]:
    print(f"{name} = {v:.12f}")
