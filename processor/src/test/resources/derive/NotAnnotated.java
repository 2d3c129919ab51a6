package test;

/** Nothing for the processor. */
public record NotAnnotated(String text) {}
