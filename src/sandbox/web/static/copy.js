// Copy buttons: hidden in the page, shown here, so without JavaScript nobody sees a button that
// does nothing (the text itself can always be selected and copied by hand).
for (const button of document.querySelectorAll("button[data-copy]")) {
  const target = document.getElementById(button.dataset.copy);
  if (!target) continue;
  const status = document.createElement("span");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  button.after(status);
  button.hidden = false;
  button.addEventListener("click", async () => {
    const text = target instanceof HTMLInputElement ? target.value : target.textContent;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Copied";
    } catch {
      // No clipboard access (an old browser, or permission refused): select it for Ctrl+C instead.
      if (target instanceof HTMLInputElement) target.select();
      else window.getSelection().selectAllChildren(target);
      status.textContent = "Selected: press Ctrl+C to copy";
    }
    setTimeout(() => (status.textContent = ""), 3000);
  });
}
