package com.example.app;

/** The main code, which must not see the test workflows. */
public final class App {
    private App() {}
}
