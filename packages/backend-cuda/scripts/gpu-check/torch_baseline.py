"""PyTorch baseline for the GPU check: the same MLP and CNN, batch, optimizer and epochs as the Strata run,
and the same 4096^3 GEMM, timed the same way (steady epoch = median of epochs after the first).

    python3 torch_baseline.py --data DIR --out torch.json [--mlp-epochs 20] [--cnn-epochs 3]
"""
import argparse
import json
import statistics
import time

import numpy as np
import torch
import torch.nn as nn


def read_idx(path):
    with open(path, "rb") as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def load(data_dir, split, device):
    x = torch.tensor(read_idx(f"{data_dir}/{split}-images-idx3-ubyte"), dtype=torch.float32, device=device) / 255.0
    y = torch.tensor(read_idx(f"{data_dir}/{split}-labels-idx1-ubyte").astype(np.int64), device=device)
    return x, y


def keras_init(model):
    # Keras defaults: Glorot-uniform kernels, zero biases.
    for m in model.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return model


def mlp():
    return keras_init(nn.Sequential(
        nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Dropout(0.45),
        nn.Linear(256, 256), nn.ReLU(), nn.Dropout(0.45), nn.Linear(256, 10)))


def cnn():
    return keras_init(nn.Sequential(
        nn.Conv2d(1, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 3), nn.ReLU(), nn.Flatten(), nn.Dropout(0.2), nn.Linear(576, 10)))


def train(name, model, shape, train_set, test_set, epochs, device):
    model = model.to(device)
    x, y = train_set
    x = x.reshape(-1, *shape)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    n, batch = x.shape[0], 128
    times = []
    for epoch in range(epochs):
        torch.cuda.synchronize()
        start = time.perf_counter()
        model.train()
        order = torch.randperm(n, device=device)
        for b in range(0, n, batch):
            idx = order[b:b + batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
        torch.cuda.synchronize()
        times.append(time.perf_counter() - start)
        print(f"[torch] {name} epoch {epoch + 1}/{epochs}: {times[-1]:.2f} s, last batch loss {loss.item():.4f}", flush=True)
    model.eval()
    tx, ty = test_set
    with torch.no_grad():
        acc = (model(tx.reshape(-1, *shape)).argmax(1) == ty).float().mean().item()
    steady = statistics.median(times[1:]) if len(times) > 1 else times[0]
    return {"epochs": epochs, "secondsPerEpoch": steady, "firstEpochSeconds": times[0], "totalSeconds": sum(times), "testAccuracy": acc}


def gemm(size, repeats, tf32, device):
    torch.backends.cuda.matmul.allow_tf32 = tf32
    a = torch.randn(size, size, device=device)
    b = torch.randn(size, size, device=device)
    a @ b
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(repeats):
        c = a @ b
    torch.cuda.synchronize()
    ms = (time.perf_counter() - start) / repeats * 1000
    torch.backends.cuda.matmul.allow_tf32 = False
    return {"size": size, "ms": ms, "tflops": 2 * size ** 3 / (ms / 1000) / 1e12}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--mlp-epochs", type=int, default=20)
    p.add_argument("--cnn-epochs", type=int, default=3)
    a = p.parse_args()
    device = torch.device("cuda")
    report = {"device": f"{torch.cuda.get_device_name(0)}, torch {torch.__version__}, CUDA {torch.version.cuda}"}
    print(f"[torch] {report['device']}", flush=True)
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    train_set, test_set = load(a.data, "train", device), load(a.data, "t10k", device)
    report["mlp"] = train("mlp", mlp(), (784,), train_set, test_set, a.mlp_epochs, device)
    report["cnn"] = train("cnn", cnn(), (1, 28, 28), train_set, test_set, a.cnn_epochs, device)
    report["gemm"] = {"fp32": gemm(4096, 20, False, device), "tf32": gemm(4096, 20, True, device)}
    print(f"[torch] {json.dumps(report)}", flush=True)
    with open(a.out, "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
