package dev.sluice.platform.project;

/** BASIC projects have one environment, which DEV and PROD both name; DEV_PROD projects have two. */
public enum ProjectMode { BASIC, DEV_PROD }
