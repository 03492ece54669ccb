package dev.sluice.platform.source;

/** Which table a configuration or a check belongs to. */
public enum SourceKind { COMPUTE, DATA }
