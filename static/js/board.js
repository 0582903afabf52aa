/* The board of a vacancy (templates/candidates/board.html).
 *
 * Cards are dragged between columns with SortableJS. A drop posts the same move as the card's
 * menu (to_stage and the stage the user saw, expected_stage) with htmx, whose requests carry the
 * CSRF token (hx-headers on body). The server answers with the board as it is now, so a refused
 * move or a lost race shows the card in its real column, with the message. A move that needs a
 * reason comes back as a form in the dialog; closing the dialog puts the card back. A drop on
 * "rejected" leads to the rejection form (HX-Redirect). Without this script every move still
 * works through the forms on the cards.
 */
(function () {
  "use strict";

  var board = document.getElementById("board");
  if (!board || typeof window.Sortable === "undefined" || typeof window.htmx === "undefined") {
    return;
  }
  // When the board comes back, htmx settles attributes of elements that keep their id; copying
  // "style" (SortableJS leaves some on the cards) would be an inline style, which the
  // Content-Security-Policy refuses.
  window.htmx.config.attributesToSettle = ["class", "width", "height"];
  var modalElement = document.getElementById("board-modal");
  // The drop waiting for the server or for a reason: enough to put the card back.
  var pending = null;

  function modal() {
    if (!modalElement || !window.bootstrap) {
      return null;
    }
    return window.bootstrap.Modal.getOrCreateInstance(modalElement);
  }

  function revert() {
    if (!pending) {
      return;
    }
    var drop = pending;
    pending = null;
    if (drop.item.isConnected && drop.from.isConnected) {
      drop.from.insertBefore(drop.item, drop.from.children[drop.oldIndex] || null);
    }
  }

  function showError(text) {
    var area = document.getElementById("messages");
    if (!area || !text) {
      return;
    }
    var alert = document.createElement("div");
    alert.className = "alert alert-danger alert-dismissible fade show";
    alert.setAttribute("role", "alert");
    alert.textContent = text;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn-close";
    close.setAttribute("data-bs-dismiss", "alert");
    close.setAttribute("aria-label", board.dataset.closeLabel || "Close");
    alert.appendChild(close);
    area.appendChild(alert);
  }

  // The stage a card moves to when dropped on `list`. The first column holds two stages: a card
  // of someone found by search goes back to "sourced", any other to "applied".
  function stageFor(list, item) {
    var stage = list.dataset.stage;
    if (stage === "applied" && item.dataset.source === "sourced") {
      return "sourced";
    }
    return stage;
  }

  function onEnd(evt) {
    document.body.classList.remove("board-dragging");
    var item = evt.item;
    if (evt.to === evt.from) {
      return;
    }
    pending = { item: item, from: evt.from, oldIndex: evt.oldIndex };
    var form = item.querySelector("form.board-menu-items");
    var toStage = stageFor(evt.to, item);
    if (!form || !toStage || toStage === item.dataset.stage) {
      revert();
      return;
    }
    window.htmx.ajax("POST", form.getAttribute("action"), {
      source: item,
      target: "#board",
      swap: "innerHTML",
      values: { to_stage: toStage, expected_stage: item.dataset.stage },
    });
  }

  function init(root) {
    if (!root || !root.querySelectorAll) {
      return;
    }
    var lists = Array.prototype.slice.call(root.querySelectorAll(".board-cards, .board-drop"));
    if (root.matches && root.matches(".board-cards, .board-drop")) {
      lists.push(root);
    }
    lists.forEach(function (list) {
      if (!board.contains(list) || window.Sortable.get(list)) {
        return;
      }
      window.Sortable.create(list, {
        group: "board",
        draggable: ".board-card",
        filter: "a, button, input, label, select, textarea, summary, .board-menu-items",
        preventOnFilter: false,
        sort: false,
        animation: 150,
        ghostClass: "board-card-ghost",
        emptyInsertThreshold: 24,
        delay: 200,
        delayOnTouchOnly: true,
        onStart: function () {
          document.body.classList.add("board-dragging");
        },
        onEnd: onEnd,
      });
    });
  }

  window.htmx.onLoad(init);
  init(board);

  document.body.addEventListener("htmx:afterSwap", function (evt) {
    var target = evt.detail.target;
    if (target === board) {
      // The board as it is now: whatever was dropped is where the server says it is.
      pending = null;
      if (modalElement && modalElement.classList.contains("show")) {
        modal().hide();
      }
    } else if (target && target.id === "board-modal-content") {
      openDialog();
    }
  });

  // Bootstrap ignores show() while the dialog is still fading out (a quick second drop after
  // closing it): then it opens once it is hidden.
  var hiding = false;
  var reopen = false;
  function openDialog() {
    if (hiding) {
      reopen = true;
      return;
    }
    var dialog = modal();
    if (dialog) {
      dialog.show();
    }
  }

  if (modalElement) {
    modalElement.addEventListener("shown.bs.modal", function () {
      var field = modalElement.querySelector("textarea, select");
      if (field) {
        field.focus();
      }
    });
    // Closed without moving: the dragged card goes back.
    modalElement.addEventListener("hide.bs.modal", function () {
      hiding = true;
      revert();
    });
    modalElement.addEventListener("hidden.bs.modal", function () {
      hiding = false;
      if (reopen) {
        reopen = false;
        openDialog();
      }
    });
  }

  function failed() {
    if (pending) {
      revert();
      showError(board.dataset.errorMessage);
    }
  }
  document.body.addEventListener("htmx:responseError", failed);
  document.body.addEventListener("htmx:sendError", failed);
})();
