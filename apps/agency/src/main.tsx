import "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import "@ministryofjustice/frontend/moj/moj-frontend.min.css";
import "@complaints/ui/layout.css";
import "./app/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";

// govuk-frontend styles its JavaScript-enhanced components only when this class is on <body>.
document.body.classList.add("govuk-frontend-supported", "js-enabled");
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
