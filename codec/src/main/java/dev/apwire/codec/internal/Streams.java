package dev.apwire.codec.internal;

import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.MalformedFrameException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;

/** Jackson factories configured for the wire, and the mapping of Jackson's errors to typed ones. */
public final class Streams {

    private Streams() {
    }

    /**
     * {@return a factory enforcing the limits that does not canonicalise property names: for frames
     * whose object keys are mostly data (the data package's item and location names)}
     *
     * @param limits the limits
     */
    public static JsonFactory factory(CodecLimits limits) {
        return factory(limits, false);
    }

    /**
     * {@return a factory enforcing the limits}
     *
     * <p>Canonicalising property names saves a string per key when keys repeat (the fields of ten
     * thousand {@code NetworkItem}s); it costs when keys are data seen once (a data package's
     * 250,000 names), so the codec uses both (see {@link FrameDecoder}).
     *
     * @param limits the limits
     * @param canonicalizeNames whether property names are canonicalised
     */
    public static JsonFactory factory(CodecLimits limits, boolean canonicalizeNames) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(limits.maxFrameBytes())
                        .maxNestingDepth(limits.maxDepth())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .build())
                .configure(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES, canonicalizeNames)
                .disable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                // Python's json writes \u001f, not \u001F, and leaves '/' alone.
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
                .build();
    }

    /**
     * {@return the typed error for an exception Jackson raised while reading a frame}
     *
     * @param e the exception
     */
    public static MalformedFrameException malformed(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            m = String.valueOf(e.getMessage());
        }
        MalformedFrameException.Kind kind = MalformedFrameException.Kind.NOT_JSON;
        if (e instanceof StreamConstraintsException) {
            if (m.contains("NestingDepth")) {
                kind = MalformedFrameException.Kind.TOO_DEEP;
            } else if (m.contains("NumberLength") || m.contains("Number value length")) {
                kind = MalformedFrameException.Kind.NUMBER_TOO_LONG;
            } else if (m.contains("StringLength") || m.contains("NameLength") || m.contains("String value length")
                    || m.contains("Name length")) {
                kind = MalformedFrameException.Kind.STRING_TOO_LONG;
            } else if (m.contains("DocumentLength") || m.contains("Document length")) {
                kind = MalformedFrameException.Kind.TOO_LARGE;
            }
        }
        return new MalformedFrameException(kind, firstLine(m));
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
