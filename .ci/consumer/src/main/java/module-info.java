/** A user's module that decodes and encodes frames with apwire-codec, without jackson-databind. */
module dev.apwire.consumer {
    requires dev.apwire.codec;
}
