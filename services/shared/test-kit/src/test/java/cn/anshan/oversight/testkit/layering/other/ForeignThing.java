package cn.anshan.oversight.testkit.layering.other;

/** Stands for another service's class. */
public class ForeignThing {}
