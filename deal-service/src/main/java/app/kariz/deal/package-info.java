/**
 * The deal service: deals and the pipelines they sit on; the deal feature's roles are its sub-packages, pipelines
 * and organisations are features of their own.
 */
package app.kariz.deal;
