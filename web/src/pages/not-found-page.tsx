import { Link } from "react-router-dom";
import { APP_TEXT } from "../ui/texts";

export function NotFoundPage() {
  return (
    <section className="panel empty">
      <h1>{APP_TEXT.notFoundTitle}</h1>
      <p>{APP_TEXT.notFoundBody}</p>
      <p><Link className="btn btn--primary" to="/">{APP_TEXT.goHome}</Link></p>
    </section>
  );
}
