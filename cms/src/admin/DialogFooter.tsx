/** A dialog's footer: »Annullér« closes it, the dialog's own action beside it. */
import * as React from 'react';
import { Button, Modal } from '@strapi/design-system';

export const DialogFooter = ({ children }: { children: React.ReactNode }) => (
  <Modal.Footer>
    <Modal.Close>
      <Button variant="tertiary">Annullér</Button>
    </Modal.Close>
    {children}
  </Modal.Footer>
);
