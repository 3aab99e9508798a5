/** "Lignende sager" beside the case: earlier cases of the same center or theme with similar text (loaded with the case page's panels). */
import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useCasePage } from '../workspace/useCase';
import { caseLink } from './CaseList';
import { danishDate } from '@borgerraadgiver/config/src/dates';

export function SimilarCases({ documentId, version }: { documentId: string; version?: string }) {
  const { page, error } = useCasePage(documentId, version);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!page) return <Typography textColor="neutral600">Henter …</Typography>;
  if (!page.similar) return <Typography textColor="neutral600">Din rolle kan ikke søge i sagerne.</Typography>;
  if (page.similar.length === 0)
    return <Typography textColor="neutral600">Ingen tidligere sager fra samme center eller med samme tema ligner denne.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-workspace-panel="similar">
      {page.similar.map((x) => (
        <Box key={x.documentId}>
          <Typography tag="p" variant="pi">
            <Link to={caseLink(x.documentId!)}>
              {x.caseNumber} {x.title ? `· ${x.title}` : ''}
            </Link>
          </Typography>
          <Typography tag="p" variant="pi" textColor="neutral600">
            {[x.centerName, danishDate(x.receivedAt, 'numeric') || null].filter(Boolean).join(' · ')}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
}
