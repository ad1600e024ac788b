package dev.cnnlab.torch;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * A parameter store for one device whose parameters already live there: each layer gets its
 * parameter's own array. DJL's store gives the same arrays but looks each up in two hash maps
 * keyed by device and id on every call (a few hundred lookups per step, which showed in
 * profiles of small batches); a run of cnnlab has one device and initialises on it.
 */
class DirectParameterStore extends ParameterStore {

    DirectParameterStore(NDManager manager) {
        super(manager, false);
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        return parameter == null ? null : parameter.getArray();
    }
}
