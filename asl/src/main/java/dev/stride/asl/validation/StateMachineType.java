package dev.stride.asl.validation;

/** The state machine type a definition is validated for (Express forbids some integration patterns). */
public enum StateMachineType { STANDARD, EXPRESS }
