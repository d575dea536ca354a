package dev.stride.engine.spi;

/** One keyed record to write ({@code json} set) or delete ({@code json} null) in a {@link MetadataStore}. */
public record MetadataChange(String kind, String key, String json) {}
