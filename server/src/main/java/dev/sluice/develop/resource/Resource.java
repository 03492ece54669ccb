package dev.sluice.develop.resource;

/**
 * A resource's draft and versions (JSON in the versioned object store): the uploaded object it points to, with the
 * size and checksum the store reported when the resource was created or pointed to it.
 */
record Resource(String name, String description, String resourceType, String computeEngineType, String storageAddress, long size,
                String checksumAlgorithm, String checksum) {

    static final String JAR = "JAR";

    boolean isJar() {
        return JAR.equals(resourceType);
    }
}
