package dev.cnnlab.model;

import ai.djl.nn.Block;

/**
 * Something a structural technique adds to the end of every residual branch (a gate, a
 * regulariser), before the shortcut is added. The network builder applies every extension of the
 * {@link ModelSpec} without knowing which technique asked for it.
 *
 * <p>Implementations are value records: two specs with equal extensions build the same network.
 */
public interface BranchExtension {

    /**
     * Where in the branch the extension sits. Extensions are applied by placement, then in the
     * order they were added, so the network does not depend on the order techniques are listed in
     * (a gate must see the branch's output before a regulariser drops or rescales it).
     */
    enum Placement {
        /** Reshapes the branch's output per channel (e.g. Squeeze-and-Excitation). */
        GATE,
        /** Drops or rescales the whole branch output per sample (e.g. stochastic depth). */
        DROP
    }

    /** Where in the branch this extension sits. */
    Placement placement();

    /** The block appended to the residual branch at {@code site}. */
    Block build(BranchSite site);

    /** Appended to the network's display name, e.g. {@code +SE}; empty for none. */
    String nameSuffix();
}
