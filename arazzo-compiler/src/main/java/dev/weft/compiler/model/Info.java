package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;

/** The document's info object; only title and version are required. */
public record Info(String title, String summary, String description, String version, Location location) {}
