/**
 * The deal card, its paging and board order, shared by the board and the deal list.
 */
package app.kariz.view.card;
