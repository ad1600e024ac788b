/**
 * Which libtorch build this process carries (CPU or CUDA) and which device a run uses: parsed from
 * {@code --device}, checked against the machine before any native library is loaded, and named in
 * every result's provenance.
 */
package dev.cnnlab.device;
