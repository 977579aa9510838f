"""Training throughput as both PyTorch bench scripts time it: after `warmup` untimed steps, images/s of each window
of `window` steps, and their median (the machines are shared and noisy)."""
import statistics
import time


def median_images_per_second(step, batches, batch, window=10, warmup=5):
    windows, started = [], None
    for i in range(batches + warmup):
        if i == warmup:
            started = time.perf_counter()
        step()
        if started is not None and (i - warmup + 1) % window == 0:
            now = time.perf_counter()
            windows.append(window * batch / (now - started))
            started = now
    return statistics.median(windows)
