"""The PyTorch side of Strata's training benchmark (apps/bench): the benchmark models, layer for layer as
in src/strata-models.ts, trained on CPU with the same batch, optimizer settings and thread count, on
synthetic MNIST-shaped batches. Prints one JSON line: {"torch": version, "threads": n, "results": {model:
{"cpuMsPerStep", "wallMsPerStep"}}}.

    python3 pytorch_bench.py --models mlp,cnn,rnn --steps 20 --warmup 5 --threads 1
"""
import argparse
import json
import time

import torch
from torch import nn

BATCH = 128


def build(name):
    """The model and its optimizer, with Keras's defaults (Adam eps 1e-7, SGD learning rate 0.01)."""
    if name == "mlp":
        model = nn.Sequential(
            nn.Linear(784, 256), nn.ReLU(), nn.Dropout(0.45),
            nn.Linear(256, 256), nn.ReLU(), nn.Dropout(0.45),
            nn.Linear(256, 10),
        )
        shape = (784,)
    elif name == "cnn":
        model = nn.Sequential(
            nn.Conv2d(1, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(64, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(64, 64, 3), nn.ReLU(),
            nn.Flatten(), nn.Dropout(0.2), nn.Linear(576, 10),
        )
        shape = (1, 28, 28)
    elif name in ("rnn", "lstm", "gru"):
        cell = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[name]

        class Recurrent(nn.Module):
            def __init__(self):
                super().__init__()
                self.recurrent = cell(28, 256, batch_first=True)
                self.head = nn.Sequential(nn.Dropout(0.2), nn.Linear(256, 10))

            def forward(self, x):
                out, _ = self.recurrent(x)
                return self.head(out[:, -1])

        model = Recurrent()
        shape = (28, 28)
    else:
        raise SystemExit(f"pytorch_bench: unknown model {name!r}")
    if name in ("rnn",):
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=0.001, eps=1e-7)
    return model, optimizer, shape


def time_model(name, steps, warmup):
    torch.manual_seed(0)
    model, optimizer, shape = build(name)
    model.train()
    # Softmax then categorical cross-entropy on one-hot labels, as the Keras models compile, is
    # cross-entropy on the logits here.
    loss_fn = nn.CrossEntropyLoss()
    batches = [(torch.rand(BATCH, *shape), torch.randint(0, 10, (BATCH,))) for _ in range(steps)]

    def step(x, y):
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    for i in range(warmup):
        step(*batches[i % steps])
    best_cpu = best_wall = float("inf")
    for _ in range(2):
        c0, w0 = time.process_time(), time.perf_counter()
        for x, y in batches:
            step(x, y)
        best_cpu = min(best_cpu, (time.process_time() - c0) * 1000 / steps)
        best_wall = min(best_wall, (time.perf_counter() - w0) * 1000 / steps)
    return {"cpuMsPerStep": best_cpu, "wallMsPerStep": best_wall}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", default="mlp,cnn,rnn")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    results = {name: time_model(name, args.steps, args.warmup) for name in args.models.split(",")}
    # Debian's torch calls the BLAS behind libblas.so.3; which one loaded is in the process's mappings.
    with open("/proc/self/maps") as maps:
        blas = "openblas" if "openblas" in maps.read() else "reference or other"
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas, "results": results}))


if __name__ == "__main__":
    main()
