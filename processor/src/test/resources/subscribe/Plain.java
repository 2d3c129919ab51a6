package test;

public record Plain(String id) {}
