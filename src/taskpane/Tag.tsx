import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  tag: {
    display: "inline-block",
    padding: "0 6px",
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
  danger: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  success: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorPaletteGreenForeground2 },
});

/** A small coloured label (错误 / 警告, counts): lighter than Fluent's Badge for this one use. */
export function Tag({ tone, children }: { tone: "danger" | "warning" | "success"; children: ReactNode }) {
  const styles = useStyles();
  return <span className={`${styles.tag} ${styles[tone]}`}>{children}</span>;
}
