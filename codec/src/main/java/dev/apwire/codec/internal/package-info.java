/** The codec's implementation: the command table, one reader and writer per command. Not exported. */
@NullMarked
package dev.apwire.codec.internal;

import org.jspecify.annotations.NullMarked;
