"""ParamRef: the one address of a weight or bias (core/parameters.py)."""

import numpy as np
import pytest

from core.network import MLP
from core.parameters import ParamRef, array_position, n_parameters

ARCHITECTURES = [(2, 1), (2, 3, 1), (3, 4, 2, 3), (1, 5, 5, 1), (4, 1, 2)]


def _net(sizes):
    return MLP(list(sizes), activation="tanh", output_activation="linear", seed=3)


def _all_refs(sizes):
    refs = []
    for layer, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        refs += [ParamRef(layer, "W", i, j) for i in range(fan_out) for j in range(fan_in)]
        refs += [ParamRef(layer, "b", i) for i in range(fan_out)]
    return refs


@pytest.mark.parametrize("sizes", ARCHITECTURES)
def test_flat_index_matches_get_params_order(sizes):
    net = _net(sizes)
    flat = net.get_params()
    assert n_parameters(sizes) == flat.size == net.n_params
    seen = []
    for ref in _all_refs(sizes):
        arrays = net.weights if ref.kind == "W" else net.biases
        value = arrays[ref.layer][ref.row, ref.col] if ref.kind == "W" else \
            arrays[ref.layer][ref.row]
        k = ref.flat_index(sizes)
        assert flat[k] == value
        seen.append(k)
    assert sorted(seen) == list(range(flat.size))


@pytest.mark.parametrize("sizes", ARCHITECTURES)
def test_array_position_and_index_address_net_parameters(sizes):
    net = _net(sizes)
    net.set_params(np.arange(net.n_params, dtype=np.float64))
    params = net.parameters()
    for ref in _all_refs(sizes):
        array = params[ref.array_position()]
        assert array.reshape(-1)[ref.array_index(sizes)] == ref.flat_index(sizes)


@pytest.mark.parametrize("sizes", ARCHITECTURES)
def test_at_is_the_inverse_of_flat_index(sizes):
    for k in range(n_parameters(sizes)):
        ref = ParamRef.at(sizes, k)
        assert isinstance(ref, ParamRef) and ref.is_valid(sizes)
        assert ref.flat_index(sizes) == k
    for ref in _all_refs(sizes):
        assert ParamRef.at(sizes, ref.flat_index(sizes)) == ref


def test_label_position_and_unpacking():
    assert ParamRef(1, "W", 3, 1).label() == "W²[3, 1]"
    assert ParamRef(0, "b", 2).label() == "b¹[2]"
    assert ParamRef(10, "W", 0, 12).label() == "W¹¹[0, 12]"
    ref = ParamRef(np.int64(1), "b", np.int64(2))
    assert ref.position == (1, "b", 2, 0)
    assert all(type(v) in (int, str) for v in ref.position)
    layer, kind, row, col = ParamRef(2, "W", 1, 0)
    assert (layer, kind, row, col) == (2, "W", 1, 0)


@pytest.mark.parametrize("ref, valid", [
    (ParamRef(0, "W", 0, 0), True),
    (ParamRef(1, "b", 1), True),
    (ParamRef(1, "b", 1, 1), False),  # a bias has no column
    (ParamRef(0, "W", 3, 0), False),  # row out of range (fan_out 3)
    (ParamRef(0, "W", 0, 2), False),  # col out of range (fan_in 2)
    (ParamRef(0, "W", -1, 0), False),
    (ParamRef(2, "W", 0, 0), False),  # no such layer
    (ParamRef(-1, "W", 0, 0), False),
    (ParamRef(0, "x", 0, 0), False),
    (ParamRef(0, "W", "a", 0), False),
])
def test_is_valid_edge_cases(ref, valid):
    assert ref.is_valid((2, 3, 2)) is valid


def test_errors_are_clear():
    with pytest.raises(ValueError, match="kind must be 'W' or 'b'"):
        ParamRef(0, "c", 0).flat_index((2, 1))
    with pytest.raises(ValueError, match="out of range"):
        ParamRef(0, "W", 1, 0).flat_index((2, 1))
    with pytest.raises(ValueError, match="layer must be in"):
        ParamRef(1, "W", 0, 0).flat_index((2, 1))
    with pytest.raises(ValueError, match=r"must be in \[0, 3\)"):
        ParamRef.at((2, 1), 3)
    with pytest.raises(ValueError, match="kind must be 'W' or 'b'"):
        array_position(0, "B")
    with pytest.raises(ValueError, match="layer must be >= 0"):
        ParamRef(-1, "W", 0, 0).array_position()
    with pytest.raises(ValueError, match="out of range"):
        ParamRef(0, "b", 5).array_index((2, 3))
