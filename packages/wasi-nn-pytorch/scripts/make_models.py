"""Writes the TorchScript test, example and benchmark models into the folder
given as the only argument. Run by make-test-models.mjs with Debian's
/usr/bin/python3 and python3-torch; the weights are fixed or seeded, so the
outputs the tests assert are exact."""
import os
import sys

import torch
from torch import nn


class ScaleShift(nn.Module):
    """y = 2x + 1."""

    def forward(self, x):
        return x * 2 + 1


class SumProduct(nn.Module):
    """Two inputs; a tuple of two outputs."""

    def forward(self, a, b):
        return a + b, a * b


class SplitList(nn.Module):
    """One input; a list of two outputs (halves of the flattened input)."""

    def forward(self, x):
        flat = x.reshape(-1)
        half = flat.shape[0] // 2
        return [flat[:half], flat[half:] * 10]


class CountElements(nn.Module):
    """Returns an int: not readable through get_output."""

    def forward(self, x):
        return x.numel()


class ColourClassifier(nn.Module):
    """A small CNN over an RGB image [1,3,H,W] (values 0..1): a fixed 1x1
    convolution turns each channel into "redness", "greenness" and "blueness"
    (the channel minus the mean of the other two), then ReLU, global average
    pooling and softmax give the probabilities of red, green and blue."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 3, kernel_size=1)
        with torch.no_grad():
            self.conv.weight.copy_(torch.tensor([[1.0, -0.5, -0.5], [-0.5, 1.0, -0.5], [-0.5, -0.5, 1.0]]).reshape(3, 3, 1, 1) * 8)
            self.conv.bias.zero_()

    def forward(self, image):
        features = torch.relu(self.conv(image))
        pooled = features.mean(dim=(2, 3))
        return torch.softmax(pooled, dim=1)


class BenchCnn(nn.Module):
    """The benchmark model: conv 3->32 (3x3), ReLU, conv 32->32 (3x3), ReLU,
    global average pool, dense 32->10 over [1,3,64,64]; seeded weights."""

    def __init__(self):
        super().__init__()
        torch.manual_seed(1)
        self.c1 = nn.Conv2d(3, 32, 3, padding=1)
        self.c2 = nn.Conv2d(32, 32, 3, padding=1)
        self.fc = nn.Linear(32, 10)

    def forward(self, image):
        x = torch.relu(self.c1(image))
        x = torch.relu(self.c2(x))
        return self.fc(x.mean(dim=(2, 3)))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    models = {
        "scale_shift.pt": ScaleShift(),
        "sum_product.pt": SumProduct(),
        "split_list.pt": SplitList(),
        "count_elements.pt": CountElements(),
        "colour_classifier.pt": ColourClassifier(),
        "bench_cnn.pt": BenchCnn(),
    }
    for name, module in models.items():
        torch.jit.script(module.eval()).save(os.path.join(out, name))
    with open(os.path.join(out, "scale_shift.pt"), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "truncated.pt"), "wb") as f:
        f.write(data[: len(data) // 2])


main()
