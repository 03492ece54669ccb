package dev.sluice.develop.resource;

import java.util.List;

/** A UDF's draft and versions: the class implementing it in the referenced resources (one of them a JAR). */
record Udf(String name, String description, int category, String className, String commandHelp, String computeEngineType,
           List<Long> refResourceIds) {
}
