/**
 * A pipeline's board: its stages' cards in board order and their counts, kept in memory between reads.
 */
package app.kariz.view.board;
