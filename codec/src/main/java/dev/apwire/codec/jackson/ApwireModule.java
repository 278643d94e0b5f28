package dev.apwire.codec.jackson;

/** Placeholder replaced below. */
final class ApwireModule {
    private ApwireModule() {
    }
}
