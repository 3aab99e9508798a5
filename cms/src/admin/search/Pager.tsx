/**
 * Paging through a list whose page is in the address (?page=), so the back button and a shared
 * address keep it: the page, a way to another page, and the "Forrige side / Næste side" controls.
 */
import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useSearchParams } from 'react-router-dom';

export function useAddressPage(): [number, (page: number) => void] {
  const [params, setParams] = useSearchParams();
  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };
  return [Number(params.get('page') ?? '1') || 1, goTo];
}

export const Pager = ({ page, pages, goTo }: { page: number; pages: number; goTo: (page: number) => void }) =>
  pages > 1 ? (
    <Flex gap={3} alignItems="center">
      <Button variant="tertiary" disabled={page <= 1} onClick={() => goTo(page - 1)}>
        Forrige side
      </Button>
      <Typography>
        Side {page} af {pages}
      </Typography>
      <Button variant="tertiary" disabled={page >= pages} onClick={() => goTo(page + 1)}>
        Næste side
      </Button>
    </Flex>
  ) : null;
