package dev.stride.engine.spi;

/** The engine's only source of time (injected so tests and replays control it). */
public interface Clock {
    Clock SYSTEM = System::currentTimeMillis;

    long millis();
}
