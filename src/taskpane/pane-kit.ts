import { Body1, Button, Caption1, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { BuildForm } from "./BuildForm";
import { FindingButton, useFindingListStyles } from "./FindingButton";
import { Tag } from "./Tag";

/**
 * The pane's components, handed to panels loaded on demand instead of imported by them. A module that
 * a lazy chunk imports from the main chunk can no longer be merged into the main chunk's single scope,
 * and Fluent's modules then cost 40 KB more in the bundle every user downloads (measured: 396 KB
 * against 356 KB); passed as values, they stay where they are.
 */
export const PANE_KIT = {
  Body1,
  BuildForm,
  Button,
  Caption1,
  FindingButton,
  MessageBar,
  MessageBarBody,
  Tag,
  Text,
  useFindingListStyles,
};

export type PaneKit = typeof PANE_KIT;
